export function autocorrelation(prices, lags) {
  const returns = new Float64Array(prices.length - 1);
  for (let i = 1; i < prices.length; i++) returns[i - 1] = prices[i] / prices[i - 1] - 1;
  let mean = 0;
  for (const r of returns) mean += r / returns.length;
  let variance = 0;
  for (const r of returns) variance += (r - mean) ** 2;
  const out = new Float64Array(lags);
  for (let lag = 1; lag <= lags; lag++) {
    let covariance = 0;
    for (let i = lag; i < returns.length; i++) covariance += (returns[i] - mean) * (returns[i - lag] - mean);
    out[lag - 1] = covariance / variance;
  }
  return out;
}
