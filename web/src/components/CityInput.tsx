import { useEffect, useId, useRef, useState } from 'react';
import { catalog, type City } from '../api';

const DEBOUNCE_MS = 200;

/**
 * A text input that suggests cities as you type (ARIA combobox). `value` is the chosen city; typing
 * clears it until a suggestion is picked (click, Enter) or the text matches exactly one city's name.
 */
export function CityInput({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: City | null;
  onChange(city: City | null): void;
  error?: string;
  required?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<City[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const typed = useRef(false);
  const closeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (value && value.name !== text) setText(value.name);
    // only follow the value chosen from outside (e.g. restored from the address bar)
  }, [value?.id]);

  useEffect(() => {
    if (!typed.current) return;
    const q = text.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      catalog
        .cities(q)
        .then((page) => {
          if (!current) return;
          setOptions(page.items);
          setActive(page.items.length ? 0 : -1);
          const exact = page.items.filter((c) => c.name.toLowerCase() === q.toLowerCase());
          if (exact.length === 1 && !value) onChange(exact[0]);
        })
        .catch(() => current && setOptions([]))
        .finally(() => current && setLoading(false));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const choose = (city: City) => {
    typed.current = false;
    setText(city.name);
    setOpen(false);
    setOptions([]);
    onChange(city);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === 'ArrowUp' && options.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        required={required}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={text}
        onChange={(e) => {
          clearTimeout(closeTimer.current);
          typed.current = true;
          setText(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={onKeyDown}
        // close after a click on a suggestion has been handled; typing again cancels a pending close
        onBlur={() => (closeTimer.current = setTimeout(() => setOpen(false), 150))}
      />
      {loading && <span className="visually-hidden" role="status">Searching cities…</span>}
      <ul id={listId} role="listbox" className="options" hidden={!expanded} aria-label={`${label} suggestions`}>
        {options.map((city, i) => (
          <li
            key={city.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(city)}
          >
            {city.name} <small>{city.country}</small>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
