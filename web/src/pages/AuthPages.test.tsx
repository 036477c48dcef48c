import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, renderPage, traveller } from '../test/api';
import { LoginPage, RegisterPage } from './AuthPages';

describe('RegisterPage', () => {
  it('shows a rejected field next to that field', async () => {
    mockApi({
      'POST /api/v1/auth/register': () =>
        problem(400, 'Bad Request', 'The request has invalid fields', [
          { field: 'password', message: 'must have at least 10 characters' },
        ]),
    });
    renderPage(<RegisterPage />, { route: '/register', path: '/register' });

    await userEvent.type(screen.getByLabelText('Full name'), 'Ada');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/must have at least 10 characters/);
    expect(screen.getByRole('alert')).toHaveTextContent('Please correct the marked fields.');
  });

  it('registers, logs in and goes back to the page that asked for it', async () => {
    const api = mockApi({
      'POST /api/v1/auth/register': () => new Response(JSON.stringify(traveller), { status: 201 }),
      'POST /api/v1/auth/login': () => ({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 300 }),
      'GET /api/v1/users/me': () => traveller,
      'GET /api/v1/notifications/unread-count': () => ({ unread: 1 }),
    });
    renderPage(<RegisterPage />, { route: '/register?next=/tickets/t9', path: '/register' });

    await userEvent.type(screen.getByLabelText('Full name'), 'Ada Traveller');
    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'long enough secret');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('ticket page')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/v1/auth/register')[0].body).toEqual({
      fullName: 'Ada Traveller',
      email: 'ada@example.com',
      password: 'long enough secret',
    });
    expect(api.callsTo('GET', '/api/v1/users/me')[0].headers.get('Authorization')).toBe('Bearer a');
  });
});

describe('LoginPage', () => {
  it('says why the login failed', async () => {
    mockApi({ 'POST /api/v1/auth/login': () => problem(401, 'Unauthorized', 'Wrong e-mail or password') });
    renderPage(<LoginPage />, { route: '/login', path: '/login' });

    await userEvent.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'not the password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password');
  });
});
