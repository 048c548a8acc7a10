/**
 * The query protocols (STS `awsQuery`, EC2 `ec2Query`) driven by the SDK's own schemas, so
 * member names, `Set`/`item` wrappers and list flattening match what the SDK's serializer
 * writes and its XML deserializer reads (these mirror @aws-sdk/core's QueryShapeSerializer and
 * XmlShapeDeserializer) instead of hand-copying hundreds of EC2 element names.
 */
import { NormalizedSchema } from '@smithy/core/schema';

export type SchemaRef = Parameters<typeof NormalizedSchema.of>[0];

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function memberKey(name: string, member: NormalizedSchema, ec2: boolean): string {
  const traits = member.getMergedTraits();
  if (ec2)
    return typeof traits.ec2QueryName === 'string'
      ? traits.ec2QueryName
      : capitalize(typeof traits.xmlName === 'string' ? traits.xmlName : name);
  return typeof traits.xmlName === 'string' ? traits.xmlName : name;
}

function hasPrefix(params: URLSearchParams, prefix: string): boolean {
  for (const key of params.keys()) if (key === prefix || key.startsWith(`${prefix}.`)) return true;
  return false;
}

/** Reads a form-encoded query request into the SDK's input shape (member names as in the SDK types). */
export function readQuery(schema: SchemaRef, params: URLSearchParams, ec2: boolean, prefix = ''): unknown {
  const ns = NormalizedSchema.of(schema);
  const dot = prefix ? `${prefix}.` : '';
  if (ns.isStructSchema()) {
    const out: Record<string, unknown> = {};
    for (const [name, member] of ns.structIterator()) {
      const key = `${dot}${memberKey(name, member, ec2)}`;
      if (!hasPrefix(params, key)) continue;
      const value = readQuery(member, params, ec2, key);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  if (ns.isListSchema()) {
    const member = ns.getValueSchema();
    const traits = member.getMergedTraits();
    const flat = ec2 || !!ns.getMergedTraits().xmlFlattened;
    const itemName =
      ec2 && typeof traits.ec2QueryName === 'string' ? traits.ec2QueryName : typeof traits.xmlName === 'string' ? traits.xmlName : 'member';
    const base = flat ? prefix : `${prefix}.${itemName}`;
    const items: unknown[] = [];
    for (let i = 1; hasPrefix(params, `${base}.${i}`); i++) items.push(readQuery(member, params, ec2, `${base}.${i}`));
    return items;
  }
  const raw = params.get(prefix);
  if (raw === null) return undefined;
  if (ns.isBooleanSchema()) return raw === 'true';
  if (ns.isNumericSchema()) return Number(raw);
  if (ns.isTimestampSchema()) return new Date(raw);
  return raw;
}

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));

/** Serializes a value of the SDK's output shape to the XML elements the SDK expects (no root element). */
export function writeXml(schema: SchemaRef, value: unknown): string {
  const ns = NormalizedSchema.of(schema);
  if (value === undefined || value === null) return '';
  if (ns.isStructSchema()) {
    if (typeof value !== 'object') return '';
    const record = value as Record<string, unknown>;
    let out = '';
    for (const [name, member] of ns.structIterator()) {
      const v = record[name];
      if (v === undefined || v === null) continue;
      const traits = member.getMemberTraits();
      const tag = typeof traits.xmlName === 'string' ? traits.xmlName : name;
      if (member.isListSchema() && member.getMergedTraits().xmlFlattened && Array.isArray(v)) {
        for (const item of v) out += `<${tag}>${writeXml(member.getValueSchema(), item)}</${tag}>`;
      } else {
        out += `<${tag}>${writeXml(member, v)}</${tag}>`;
      }
    }
    return out;
  }
  if (ns.isListSchema()) {
    if (!Array.isArray(value)) return '';
    const member = ns.getValueSchema();
    const xmlName = member.getMergedTraits().xmlName;
    const tag = typeof xmlName === 'string' ? xmlName : 'member';
    return value.map((item) => `<${tag}>${writeXml(member, item)}</${tag}>`).join('');
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
