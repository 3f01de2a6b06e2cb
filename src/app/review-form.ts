/**
 * A small modal form (a native <dialog>) for the review page: labelled fields, Submit and
 * Cancel; it resolves with the values as typed, or null when cancelled. Labels and values are
 * text only (textContent, .value): nothing typed or read from a file becomes markup.
 */

export interface FormField {
  readonly name: string;
  readonly label: string;
  /** `text` (default), `textarea`, or a fixed list of options (a select). */
  readonly kind?: 'text' | 'textarea' | readonly string[];
  readonly value?: string;
  readonly required?: boolean;
}

/** Shows the form; resolves with the field values, or null when cancelled. */
export function askForm(
  document: Document,
  title: string,
  fields: readonly FormField[],
  submitLabel: string,
): Promise<Record<string, string> | null> {
  const dialog = document.createElement('dialog');
  dialog.className = 'tb-form-dialog';
  const form = document.createElement('form');
  form.method = 'dialog';
  const heading = document.createElement('h2');
  heading.textContent = title;
  form.append(heading);
  const controls = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  for (const f of fields) {
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = f.label;
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (f.kind === 'textarea') {
      control = document.createElement('textarea');
      control.rows = 4;
    } else if (Array.isArray(f.kind)) {
      const select = document.createElement('select');
      for (const option of f.kind as readonly string[]) {
        const o = document.createElement('option');
        o.value = option;
        o.textContent = option;
        select.append(o);
      }
      control = select;
    } else {
      control = document.createElement('input');
      control.type = 'text';
    }
    control.name = f.name;
    if (f.value !== undefined) control.value = f.value;
    if (f.required) control.required = true;
    controls.set(f.name, control);
    label.append(span, control);
    form.append(label);
  }
  const buttons = document.createElement('div');
  buttons.className = 'tb-form-buttons';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.value = 'submit';
  submit.textContent = submitLabel;
  buttons.append(cancel, submit);
  form.append(buttons);
  dialog.append(form);
  document.body.append(dialog);
  return new Promise((resolve) => {
    cancel.addEventListener('click', () => dialog.close('cancel'));
    dialog.addEventListener('close', () => {
      const submitted = dialog.returnValue === 'submit';
      dialog.remove();
      resolve(submitted ? Object.fromEntries([...controls].map(([name, c]) => [name, c.value])) : null);
    });
    dialog.showModal();
  });
}
