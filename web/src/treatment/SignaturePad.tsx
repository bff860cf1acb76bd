// SignaturePad: a drawn signature on a canvas, by mouse, pen or finger (pointer events), exported as a PNG data URL.
import { useId, useRef, type PointerEvent } from 'react';

interface SignaturePadProps {
  /** Called with the PNG after each stroke, or null when cleared. */
  onChange: (image: string | null) => void;
  error?: string | undefined;
}

const WIDTH = 600;
const HEIGHT = 180;

/** "Signature" (the canvas, role img) and "Clear"; the typed name is the keyboard alternative. */
export function SignaturePad({ onChange, error }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const id = useId();

  // The canvas is drawn at its own size and scaled by CSS, so pointer positions are scaled back.
  const pointAt = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - rect.left) * WIDTH) / (rect.width || WIDTH),
      ((e.clientY - rect.top) * HEIGHT) / (rect.height || HEIGHT),
    ];
  };
  const context = () => {
    const ctx = canvas.current?.getContext('2d') ?? null;
    if (ctx) {
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      ctx.strokeStyle = '#16191d';
    }
    return ctx;
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!ctx) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const [x, y] = pointAt(e);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 0.1, y + 0.1);
    ctx.stroke();
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!drawing.current || !ctx) return;
    const [x, y] = pointAt(e);
    ctx.lineTo(x, y);
    ctx.stroke();
  };
  const onPointerEnd = () => {
    if (!drawing.current) return;
    drawing.current = false;
    if (canvas.current) onChange(canvas.current.toDataURL('image/png'));
  };
  const clear = () => {
    context()?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  };

  return (
    <div className={`field signature-field${error ? ' field-invalid' : ''}`}>
      <p className="label" id={`${id}-label`}>
        Signature
      </p>
      <p className="hint" id={`${id}-hint`}>
        The patient signs in the box with a mouse, pen or finger.
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="signature-pad"
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      />
      <div>
        <button type="button" className="button-secondary button-small" onClick={clear}>
          Clear
        </button>
      </div>
    </div>
  );
}
