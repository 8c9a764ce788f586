import { ApiError, rows } from './api.js';
import { fill, h } from './dom.js';
import { session } from './session.js';

/**
 * The login form: an analyst, admin or team-admin key, or an SSO token (JWT) of the
 * configured issuer, checked against the API before it is kept (in session storage).
 * Both go out as `Authorization: Bearer`, so the API treats them alike.
 */
export function login(app: HTMLElement, done: () => void): void {
  const input = h('input', { id: 'key', type: 'password', autocomplete: 'off', placeholder: 'hx-… or SSO token', 'aria-label': 'API key or SSO token', required: true });
  const error = h('p', { class: 'error', id: 'login-error', role: 'alert' });
  const form = h('form', { class: 'login', id: 'login' }, h('h1', {}, 'Helix analytics'), h('label', { for: 'key' }, 'API key or SSO token (analyst, admin or team-admin)'), input, h('button', { type: 'submit' }, 'Log in'), error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const key = input.value.trim();
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    rows('requests', { from: new Date(to.getTime() - 3_600_000).toISOString(), to: to.toISOString() }, key)
      .then(() => {
        session.save(key);
        done();
      })
      .catch((err: unknown) => {
        error.textContent = err instanceof ApiError && (err.status === 401 || err.status === 403) ? 'This key or token cannot read analytics.' : 'The analytics API did not answer.';
      });
  });
  fill(app, form);
  input.focus();
}
