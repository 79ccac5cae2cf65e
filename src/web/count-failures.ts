// The store as the web uses it: every call that fails counts as a database error. A proxy rather than a copy of
// the store's methods, so it fits whatever store or repository it wraps.

// biome-ignore lint/suspicious/noExplicitAny: any method of the wrapped object
type Method = (...args: any[]) => unknown;

/** `target`, whose methods all return promises, with each rejection reported to `onFailure`, then passed on. */
export function countFailures<T extends object>(target: T, onFailure: () => void): T {
  const wrapped = new Map<PropertyKey, Method>();
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      let method = wrapped.get(property);
      if (!method) {
        const call = value as Method;
        method = async (...args) => {
          try {
            return await call.apply(object, args);
          } catch (error) {
            onFailure();
            throw error;
          }
        };
        wrapped.set(property, method);
      }
      return method;
    },
  });
}
