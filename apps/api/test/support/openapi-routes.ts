import type { OpenAPIObject } from '@nestjs/swagger';

export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  params: string[];
  operation: Record<string, unknown>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the served document, so routes added later are covered without editing tests. */
export function routesOf(doc: OpenAPIObject): Route[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => (item as Record<string, unknown>)[m]).map((method) => ({
      method,
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      operation: (item as Record<string, Record<string, unknown>>)[method],
    })),
  );
}

export function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`No value for path parameter {${name}} in ${path}: teach the test what it names`);
    return values[name];
  });
}
