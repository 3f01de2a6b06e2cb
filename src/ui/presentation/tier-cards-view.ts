/**
 * Tier cards for a mixed audience: one card per tier with its name, customers, revenue and
 * profit shares, what a typical customer looks like, the service policy and example customers.
 * Text only (`textContent`): tier names and customer ids come from files and configs.
 */
import type { TierCards } from '../../analytics/profile/tier-cards.ts';
import { formatCount, formatPercent } from '../format.ts';

export interface TierCardsViewOptions {
  readonly document: Document;
  /** Cards for a projector: larger type. Default false. */
  readonly presentation?: boolean;
  /** Shown above the cards, e.g. that clusters stand in for tiers. */
  readonly note?: string;
}

export function tierCardsView(data: TierCards, options: TierCardsViewOptions): HTMLElement {
  const { document } = options;
  const add = <K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    parent.append(node);
    return node;
  };
  const root = document.createElement('div');
  root.className = `tb-tier-cards${options.presentation ? ' tb-presentation' : ''}`;
  if (options.note) add(root, 'p', options.note, 'tb-cards-note');
  const list = add(root, 'ul', undefined, 'tb-cards');
  list.setAttribute('role', 'list');
  for (const card of data.cards) {
    const item = add(list, 'li', undefined, 'tb-card');
    item.dataset.tier = String(card.rank);
    add(item, 'h4', card.tier, 'tb-card-name');
    const facts = add(item, 'dl', undefined, 'tb-card-facts');
    const fact = (term: string, value: string) => {
      add(facts, 'dt', term);
      add(facts, 'dd', value);
    };
    fact('Customers', `${formatCount(card.customers)} (${formatPercent(card.customerShare)})`);
    fact('Revenue', card.revenueShare === null ? 'not known' : `${formatPercent(card.revenueShare)} of all`);
    fact('Profit', card.profitShare === null ? 'not known' : `${formatPercent(card.profitShare)} of all`);
    add(item, 'p', card.typical.sentence || 'No typical customer: too few values.', 'tb-card-typical');
    if (card.policy.length > 0) {
      add(item, 'p', 'Service', 'tb-card-label');
      const ul = add(item, 'ul', undefined, 'tb-card-policy');
      for (const line of card.policy) add(ul, 'li', line);
    }
    if (card.examples.length > 0) add(item, 'p', `For example: ${card.examples.join(', ')}`, 'tb-card-examples');
  }
  for (const note of data.notes) add(root, 'p', note, 'tb-cards-note');
  const style = add(root, 'style');
  style.textContent = `
    .tb-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: 12px; list-style: none; padding: 0; margin: 0; }
    .tb-card { border: 2px solid #1d2530; border-radius: 8px; padding: 12px 14px; background: #fff; color: #1d2530; }
    .tb-card-name { margin: 0 0 6px; font-size: 1.3em; }
    .tb-card-facts { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
    .tb-card-facts dt { font-weight: 700; }
    .tb-card-facts dd { margin: 0; }
    .tb-card-typical { font-style: italic; }
    .tb-card-label { font-weight: 700; margin-bottom: 0; }
    .tb-card-policy { margin-top: 2px; padding-left: 1.2em; }
    .tb-card-examples, .tb-cards-note { color: #3a4452; }
    .tb-presentation .tb-cards { grid-template-columns: repeat(auto-fill, minmax(12em, 1fr)); }
  `;
  return root;
}
