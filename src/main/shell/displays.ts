/** A display as Electron's `screen` describes it (the part the placement reads). */
export interface DisplayArea {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * Where the audience window goes: full screen on a display other than the one showing the
 * main window (the projector beside the laptop), the largest when there are several;
 * with one display, a window beside the main one that the presenter drags or casts.
 */
export function audiencePlacement(
  displays: readonly DisplayArea[],
  mainDisplayId: number,
): { bounds: DisplayArea['bounds']; fullscreen: boolean } {
  const others = displays
    .filter((d) => d.id !== mainDisplayId)
    .sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height || a.id - b.id);
  const projector = others[0];
  if (projector) return { bounds: { ...projector.bounds }, fullscreen: true };
  const main = displays.find((d) => d.id === mainDisplayId) ?? displays[0];
  const area = main?.bounds ?? { x: 0, y: 0, width: 1280, height: 720 };
  const width = Math.min(1280, area.width);
  const height = Math.min(720, area.height);
  return {
    bounds: { x: area.x + area.width - width, y: area.y + area.height - height, width, height },
    fullscreen: false,
  };
}
