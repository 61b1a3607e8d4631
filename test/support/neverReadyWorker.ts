// A worker that loads but never says it is ready, as one stuck loading its bundle would.
setInterval(() => undefined, 60_000);
