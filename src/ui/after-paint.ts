/**
 * Runs `fn` once the frame being prepared is painted: an animation frame callback runs just before
 * the paint, and a task queued from it runs after. For work a page starts once its first frame is
 * on screen (the popup's log after its summary, the panel's whole log after its newest rows).
 */
export function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn));
}
