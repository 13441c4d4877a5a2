/** What this browser offers for running a model. */
export type WebGpuStatus =
  | { kind: 'unsupported'; message: string }
  | { kind: 'no-adapter'; message: string }
  | { kind: 'software'; message: string; f16: boolean }
  | { kind: 'ok'; message: string; f16: boolean; vendor: string };

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<GpuAdapterLike | null>;
}

const HOW_TO =
  'WebGPU runs in recent Chrome and Edge (113 or later) on Windows, macOS and ChromeOS, in Chrome on Android, ' +
  'and in Safari 26 and Firefox 141 on some systems. On Linux, Chrome needs chrome://flags/#enable-unsafe-webgpu. ' +
  'Without it, use Replay: recorded transcripts, with the code really run.';

/** Checks WebGPU before a model is loaded: no API, no adapter, a software adapter, or a real GPU. */
export async function checkWebGpu(
  source: { gpu?: GpuLike } = (globalThis.navigator ?? {}) as { gpu?: GpuLike },
): Promise<WebGpuStatus> {
  const gpu = source.gpu;
  if (!gpu)
    return {
      kind: 'unsupported',
      message: `This browser has no WebGPU, so it cannot run a model. ${HOW_TO}`,
    };
  const adapter = await gpu
    .requestAdapter({ powerPreference: 'high-performance' })
    .catch(() => null);
  if (!adapter) {
    return {
      kind: 'no-adapter',
      message: `WebGPU is present but found no graphics adapter (it may be turned off, or the GPU is blocklisted). ${HOW_TO}`,
    };
  }
  const f16 = adapter.features.has('shader-f16');
  if (adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter) {
    return {
      kind: 'software',
      f16,
      message:
        'WebGPU is running on a software adapter (no GPU): a model will load but generate extremely slowly, ' +
        'a few tokens per minute. Prefer Replay on this machine, or a computer with a GPU.',
    };
  }
  const vendor =
    [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'GPU';
  return {
    kind: 'ok',
    f16,
    vendor,
    message: `WebGPU ready (${vendor}${f16 ? ', 16-bit shaders' : ''}).`,
  };
}
