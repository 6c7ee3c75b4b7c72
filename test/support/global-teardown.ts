export default async function globalTeardown(): Promise<void> {
  await globalThis.__MOU_TEST_DB__?.stop();
}
