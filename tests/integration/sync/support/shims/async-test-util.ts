// Stand-in for `async-test-util` (an rxdb devDependency that rxdb/plugins/test-utils imports but npm
// does not install for us): the two helpers test-utils uses.
export const wait = (ms = 0): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const chars = 'abcdefghijklmnopqrstuvwxyz';
export function randomString(length = 10, charset = chars): string {
  let out = '';
  for (let i = 0; i < length; i++) out += charset[Math.floor(Math.random() * charset.length)];
  return out;
}
