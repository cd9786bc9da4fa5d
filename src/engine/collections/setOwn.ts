/**
 * Sets `key` as an own, enumerable, writable data property, whatever the key: a key such as
 * `__proto__` from untrusted YAML must become a field, never the prototype. Plain assignment does
 * exactly that for every other key (Object.prototype's only setter is `__proto__`) and is several
 * times faster than defineProperty, which matters for copies made of every field of every object.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}
