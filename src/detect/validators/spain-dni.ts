// Spanish DNI/NIF and NIE (Ministerio del Interior): the control letter is TRWAGMYFPDXBNJZSQVHLCKE[number mod 23]
// (older DNIs are written with 7 digits, the leading zero left out); the NIF of a person without DNI or NIE (K, L
// or M and 7 digits) takes the letter of its 7 digits; an NIE's leading X, Y, Z count as 0, 1, 2.
const CONTROL_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const NIE_PREFIX: Record<string, string> = { X: '0', Y: '1', Z: '2' };

function controlLetterMatches(digits: string, letter: string): boolean {
  return CONTROL_LETTERS[Number(digits) % 23] === letter;
}

export function isSpainDni(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  const m = /^(?:[KLM](\d{7})|(\d{7,8}))([A-Z])$/.exec(v);
  return m !== null && controlLetterMatches(m[1] ?? m[2] ?? '', m[3] ?? '');
}

export function isSpainNie(value: string): boolean {
  const v = value.replace(/[\s-]/g, '').toUpperCase();
  const m = /^([XYZ])(\d{7})([A-Z])$/.exec(v);
  return m !== null && controlLetterMatches(`${NIE_PREFIX[m[1] ?? ''] ?? ''}${m[2] ?? ''}`, m[3] ?? '');
}
