// MAC addresses (IEEE 802 EUI-48) in colon, dash and Cisco dot notation. Broadcast, all-zero and group
// (multicast) addresses name no device; one value must use one separator throughout.
export function isDeviceMacAddress(value: string): boolean {
  const separators = new Set(value.match(/[^0-9A-Fa-f]/g) ?? []);
  if (separators.size !== 1) return false;
  const hex = value.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
  if (hex.length !== 12 || /^(?:0{12}|f{12})$/.test(hex)) return false;
  // The low bit of the first octet marks a group address.
  return (parseInt(hex.slice(0, 2), 16) & 1) === 0;
}
