// The page's entry point: keeps the token of a `?token=` URL, then renders the app.
import { render } from 'preact';
import './app.css';
import { App } from './app.js';
import { takeTokenFromUrl } from './token.js';

takeTokenFromUrl();
render(<App />, document.getElementById('app')!);
