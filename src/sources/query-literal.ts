// JQL and CQL quote string literals alike: double quotes, with embedded quotes escaped.
export const quoteLiteral = (value: string): string => `"${value.replace(/"/g, '\\"')}"`;
