export const HELP = `tierbook — customer segmentation notebooks, headless

Usage:
  tierbook run <notebook> [--data <file>] [--set <name=value> ...] --out <dir>
      Runs a notebook without a browser and writes its outputs into <dir>.
      Notebooks: segmentation (writes config.json and assignments.csv).
      --data <file>        a customer table (CSV/TSV); default: the bundled sample
      --set <name=value>   sets an input, as the sliders do; repeatable. Examples:
                             --set k=5  --set scaling=robust  --set transform=log1p
                             --set features=revenue,cts_pct,gross_margin_pct
                             --set w.cts_pct=2   (weight of one feature)
                             --set seed=7
      --out <dir>          output folder (created if missing)

  tierbook --help       this text

Common flags:
  --debug               print the stack trace of an error

Errors are one line on stderr and a non-zero exit (2 for a bad command line, 1 otherwise).
`;
