import type { LitElement } from 'lit';

/** Creates an element, applies properties, attaches it to the document and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await settle(el);
  return el;
}

/** Waits until a Lit element (and any Lit elements in its shadow root) finished updating. */
export async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const lit = el as Partial<LitElement>;
    if (lit.updateComplete) await lit.updateComplete;
    const inner = el.shadowRoot
      ? [...el.shadowRoot.querySelectorAll('*')].filter((e) => 'updateComplete' in e)
      : [];
    for (const child of inner) await settle(child);
    await Promise.resolve();
  }
}

/** The first match inside an element's shadow root; throws when there is none. */
export function $<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: Element, selector: string): E[] {
  return [...(el.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Collects the details of every `type` event `el` sends. */
export function record<T>(el: EventTarget, type: string): T[] {
  const seen: T[] = [];
  el.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

export function key(target: Element, k: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

export const XSS = '<img src=x onerror=alert(1)>';
