import { css } from 'lit';

/** The outlined button of workshop mode (agenda, overview, locks, the scenario panel): dark on white, 4.5:1 and more. */
export const outlineButton = css`
  font: inherit;
  padding: 4px 10px;
  border: 1px solid #5a6472;
  border-radius: 6px;
  background: #fff;
  color: #1d2530;
  cursor: pointer;
`;
