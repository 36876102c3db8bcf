/** Opens the stores at boot, so the one-line store report is printed when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getRuntime } = await import("./server/runtime");
  await getRuntime();
}
