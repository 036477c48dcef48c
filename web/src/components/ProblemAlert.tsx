import { ApiError } from '../api';

/**
 * Says why an action failed. Field errors that a form shows next to its fields (`shownFields`) are
 * not repeated here; any others are listed.
 */
export function ProblemAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <p role="alert" className="alert">Something went wrong.</p>;
  const others = error.errors.filter((e) => !shownFields.includes(e.field));
  const onlyFields = error.errors.length > 0 && others.length === 0;
  return (
    <div role="alert" className="alert">
      <p>{onlyFields ? 'Please correct the marked fields.' : error.detail || error.title}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={e.field + e.message}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message for one field of a failed request, for <Field error=...>. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}
