/*
 * Copyright 2026 The DORA Metrics for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import fs from 'node:fs';
import path from 'node:path';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { AppConfig } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { ConfigSchema, loadConfigSchema } from '@backstage/config-loader';
import { parseAllDocuments } from 'yaml';
import { CodeBlock, repoRoot, workspacePackageJsonPaths } from './repo';

/** What a YAML block of the documentation was recognised as. */
export type SnippetKind = 'app-config' | 'entity' | 'yaml';

/** The repository's configuration schema and what snippets are merged onto. */
export type ConfigContext = {
  schema: ConfigSchema;
  /** Top-level keys declared by any package's config schema. */
  rootKeys: ReadonlySet<string>;
  /** A complete configuration that app-config snippets are layered onto. */
  base: AppConfig;
};

/**
 * Loads the config schemas of every workspace package and of their
 * dependencies, as `backstage-cli config:check` does, rejecting undeclared
 * keys so that a misspelt option fails too.
 */
export async function loadConfigContext(
  basePath = path.join(repoRoot, 'app-config.yaml'),
): Promise<ConfigContext> {
  const schema = await loadConfigSchema({
    dependencies: [],
    packagePaths: workspacePackageJsonPaths(),
    noUndeclaredProperties: true,
  });
  const serialized = schema.serialize() as {
    schemas: { value: { properties?: Record<string, unknown> } }[];
  };
  const rootKeys = new Set(
    serialized.schemas.flatMap(s => Object.keys(s.value.properties ?? {})),
  );
  const base = {
    context: path.relative(repoRoot, basePath),
    data: parseSingle(fs.readFileSync(basePath, 'utf8')),
  };
  return { schema, rootKeys, base };
}

function parseSingle(text: string) {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length !== 1) throw new Error('expected one YAML document');
  if (list[0].errors.length) throw list[0].errors[0];
  return list[0].toJS();
}

const kindValidators = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

const entityPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** Validates a catalog entity as the catalog does before storing it. */
export async function validateEntity(entity: Entity): Promise<void> {
  await entityPolicy.enforce(entity);
  const handled = await Promise.all(kindValidators.map(v => v.check(entity)));
  if (!handled.some(Boolean)) {
    throw new Error(
      `no validator for ${entity.apiVersion} ${entity.kind}; add one to the list`,
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks one YAML block: it must parse; app configuration must pass the
 * schema when layered onto the base configuration; catalog entities must pass
 * the catalog's validation. Resolves to what the block was recognised as;
 * rejects with the reason when it is invalid.
 */
export async function checkYamlBlock(
  block: CodeBlock,
  config: ConfigContext,
): Promise<SnippetKind[]> {
  const docs = parseAllDocuments(block.text);
  const list = Array.isArray(docs) ? docs : [docs];
  const kinds: SnippetKind[] = [];
  for (const doc of list) {
    if (doc.errors.length) {
      throw new Error(`does not parse: ${doc.errors[0].message}`);
    }
    const data = doc.toJS();
    if (isObject(data) && 'apiVersion' in data && 'kind' in data) {
      await validateEntity(data as unknown as Entity);
      kinds.push('entity');
    } else if (
      isObject(data) &&
      Object.keys(data).some(key => config.rootKeys.has(key))
    ) {
      config.schema.process(
        [
          config.base,
          { context: `${block.file}:${block.line}`, data: data as JsonObject },
        ],
        { visibility: ['frontend', 'backend', 'secret'] },
      );
      kinds.push('app-config');
    } else {
      kinds.push('yaml');
    }
  }
  return kinds;
}

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  anyOf?: unknown;
  oneOf?: unknown;
  $ref?: string;
};

/**
 * The option paths a package's config schema declares under `root`, down to
 * values (a duration given as string or object is one option).
 */
export function declaredOptions(
  config: ConfigContext,
  packageName: string,
  root: string,
): string[] {
  const serialized = config.schema.serialize() as {
    schemas: { packageName: string; value: SchemaNode }[];
  };
  const own = serialized.schemas.find(s => s.packageName === packageName);
  if (!own) throw new Error(`${packageName} declares no config schema`);
  const walk = (node: SchemaNode, at: string): string[] =>
    node.properties && !node.anyOf && !node.oneOf && !node.$ref
      ? Object.entries(node.properties).flatMap(([key, child]) =>
          walk(child, `${at}.${key}`),
        )
      : [at];
  const start = own.value.properties?.[root];
  return start ? walk(start, root) : [];
}

/** Every path, objects and values, that a configuration object sets. */
export function setPaths(data: unknown, at = ''): string[] {
  if (!isObject(data)) return at ? [at] : [];
  return [
    ...(at ? [at] : []),
    ...Object.entries(data).flatMap(([key, value]) =>
      setPaths(value, at ? `${at}.${key}` : key),
    ),
  ];
}
