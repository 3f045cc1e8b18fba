import { forEachBuffer, type NodeRunRequest, packForTransfer } from '@hamilton-ts/core';

/**
 * A node's arguments packed for a worker thread, and the buffers to move there: only those of
 * arguments no one reads after this node (`isReleasable`) that `movable` accepts. A buffer that
 * another argument also holds is copied, since that argument is still read here.
 */
export function taskArguments(
  request: NodeRunRequest,
  movable: (buffer: ArrayBuffer) => boolean,
): { kwargs: Record<string, unknown>; transfer: ArrayBuffer[] } {
  const kwargs: Record<string, unknown> = {};
  const transfer = new Set<ArrayBuffer>();
  const kept: string[] = [];
  let moving = false;
  for (const name of Object.keys(request.kwargs)) {
    const releasable = request.isReleasable(name);
    if (!releasable) kept.push(name);
    const packed = packForTransfer(request.kwargs[name], {
      name: `argument "${name}" of node "${request.node.name}"`,
      ...(releasable ? { transfer: (buffer: ArrayBuffer) => movable(buffer) } : {}),
    });
    kwargs[name] = packed.payload;
    for (const buffer of packed.transfer) {
      moving ||= movable(buffer);
      transfer.add(buffer);
    }
  }
  if (moving) for (const name of kept) forEachBuffer(request.kwargs[name], (buffer) => void transfer.delete(buffer));
  return { kwargs, transfer: [...transfer] };
}
