// The shell commands of README.md's fenced blocks, in order: what a new user would copy and paste.

export interface ReadmeCommand {
  /** `sh` or `cron`: the fence's language. */
  language: string;
  /** The command as typed, trailing comment removed; a heredoc keeps its body and terminator lines. */
  line: string;
}

const FENCE = /^\s*```(\S*)\s*$/;
const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'cron']);

/** Drops a `# comment` that starts outside quotes after whitespace (`#` inside a word or quotes is kept). */
export function stripComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return line.slice(0, i).trimEnd();
    }
  }
  return line.trimEnd();
}

export function readmeCommands(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let language: string | undefined;
  let heredoc: { command: ReadmeCommand; end: string } | undefined;
  for (const raw of markdown.split('\n')) {
    const fence = FENCE.exec(raw);
    if (fence) {
      language = language === undefined ? (fence[1] ?? '') : undefined;
      continue;
    }
    if (language === undefined || !SHELL_LANGUAGES.has(language)) continue;
    const text = raw.trim();
    if (heredoc) {
      heredoc.command.line += `\n${text}`;
      if (text === heredoc.end) heredoc = undefined;
      continue;
    }
    const line = stripComment(text);
    if (line === '') continue;
    const command = { language, line };
    commands.push(command);
    const start = /<<-?\s*'?(\w+)'?/.exec(line);
    if (start?.[1]) heredoc = { command, end: start[1] };
  }
  return commands;
}
