export { TrackingAdapter } from './tracking-adapter.js';
export { DEFAULT_STORE_URL, type TrackingAdapterOptions } from './tracking-options.js';
