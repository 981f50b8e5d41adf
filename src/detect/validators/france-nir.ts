// French NIR / numéro de sécurité sociale (INSEE): 13 characters and a 2-digit key = 97 - (number mod 97).
// Corsican departments 2A and 2B count as 19 and 18 for the key.
const NIR = /^[12378]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}\d{2}$/;

export function isFranceNir(value: string): boolean {
  const v = value.replace(/\s/g, '').toUpperCase();
  if (!NIR.test(v)) return false;
  const body = v.slice(0, 13).replace('2A', '19').replace('2B', '18');
  const key = Number(v.slice(13));
  return 97 - Number(BigInt(body) % 97n) === key;
}
