import {
  create,
  createFileRegistry,
  type DescMessage,
  type DescService,
  type FileRegistry,
  type MessageInitShape,
} from '@bufbuild/protobuf';
import {
  file_google_protobuf_timestamp,
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  type DescriptorProtoSchema,
  type FieldDescriptorProtoSchema,
} from '@bufbuild/protobuf/wkt';

/**
 * The coScene OpenAPI services the extension calls, as descriptors built at run time from the field names it uses.
 * The real schema exists only in the Buf registry, so field numbers here are our own: they matter only to the
 * binary (gRPC) server, never to Connect JSON, which names fields.
 */
export const RESOURCES_PACKAGE = 'coscene.openapi.dataplatform.v1alpha1.resources';
export const SERVICES_PACKAGE = 'coscene.openapi.dataplatform.v1alpha1.services';

const { STRING, BOOL, INT32, INT64, MESSAGE } = FieldDescriptorProto_Type;
type Kind = 'string' | 'bool' | 'int32' | 'int64' | `.${string}`;
interface FieldSpec {
  name: string;
  kind: Kind;
  repeated?: boolean;
  /** proto3 `optional` (explicit presence), as User.nickname is. */
  optional?: boolean;
}

const f = (name: string, kind: Kind, extra: Omit<FieldSpec, 'name' | 'kind'> = {}): FieldSpec => ({ name, kind, ...extra });

function message(name: string, fields: FieldSpec[]): MessageInitShape<typeof DescriptorProtoSchema> {
  const oneofs: { name: string }[] = [];
  const field = fields.map((spec, i): MessageInitShape<typeof FieldDescriptorProtoSchema> => {
    const scalar = { string: STRING, bool: BOOL, int32: INT32, int64: INT64 } as const;
    const isMessage = spec.kind.startsWith('.');
    const out: MessageInitShape<typeof FieldDescriptorProtoSchema> = {
      name: spec.name,
      // protoc always fills json_name; an unset one reads as "" through the run-time descriptor.
      jsonName: spec.name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
      number: i + 1,
      label: spec.repeated ? FieldDescriptorProto_Label.REPEATED : FieldDescriptorProto_Label.OPTIONAL,
      type: isMessage ? MESSAGE : scalar[spec.kind as keyof typeof scalar],
      ...(isMessage ? { typeName: spec.kind } : {}),
    };
    if (spec.optional) {
      oneofs.push({ name: `_${spec.name}` });
      Object.assign(out, { proto3Optional: true, oneofIndex: oneofs.length - 1 });
    }
    return out;
  });
  return { name, field, oneofDecl: oneofs };
}

const R = `.${RESOURCES_PACKAGE}`;
const S = `.${SERVICES_PACKAGE}`;
const TIMESTAMP = '.google.protobuf.Timestamp';

const resourcesFile = create(FileDescriptorProtoSchema, {
  name: 'coscene/openapi/dataplatform/v1alpha1/resources/interop.proto',
  package: RESOURCES_PACKAGE,
  syntax: 'proto3',
  dependency: ['google/protobuf/timestamp.proto'],
  messageType: [
    message('Role', [f('name', 'string'), f('display_name', 'string'), f('code', 'string'), f('level', 'string')]),
    message('User', [
      f('name', 'string'),
      f('nickname', 'string', { optional: true }),
      f('email', 'string'),
      f('phone_number', 'string'),
      f('role', `${R}.Role`),
      f('active', 'bool'),
      f('create_time', TIMESTAMP),
    ]),
    message('Organization', [
      f('name', 'string'),
      f('display_name', 'string'),
      f('slug', 'string'),
      f('create_time', TIMESTAMP),
      f('update_time', TIMESTAMP),
    ]),
    message('Project', [
      f('name', 'string'),
      f('slug', 'string'),
      f('display_name', 'string'),
      f('description', 'string'),
      f('is_archived', 'bool'),
      f('create_time', TIMESTAMP),
    ]),
    message('BasicCredential', [f('username', 'string'), f('password', 'string')]),
  ],
});

const page = (item: Kind, key: string) => [f(key, item, { repeated: true }), f('next_page_token', 'string'), f('total_size', 'int64')];

const servicesFile = create(FileDescriptorProtoSchema, {
  name: 'coscene/openapi/dataplatform/v1alpha1/services/interop.proto',
  package: SERVICES_PACKAGE,
  syntax: 'proto3',
  dependency: [resourcesFile.name],
  messageType: [
    message('GetOrganizationRequest', [f('name', 'string')]),
    message('GetProjectRequest', [f('name', 'string')]),
    message('ListUsersRequest', [f('parent', 'string'), f('page_size', 'int32'), f('page_token', 'string'), f('filter', 'string')]),
    message('ListUsersResponse', page(`${R}.User`, 'users')),
    message('GetUserRequest', [f('name', 'string')]),
    message('BatchGetUsersRequest', [f('names', 'string', { repeated: true })]),
    message('BatchGetUsersResponse', [f('users', `${R}.User`, { repeated: true })]),
    message('ListRolesRequest', [f('page_size', 'int32'), f('page_token', 'string'), f('filter', 'string')]),
    message('ListRolesResponse', page(`${R}.Role`, 'roles')),
    message('CreateBasicCredentialRequest', []),
  ],
  service: [
    {
      name: 'OrganizationService',
      method: [{ name: 'GetOrganization', inputType: `${S}.GetOrganizationRequest`, outputType: `${R}.Organization` }],
    },
    { name: 'ProjectService', method: [{ name: 'GetProject', inputType: `${S}.GetProjectRequest`, outputType: `${R}.Project` }] },
    {
      name: 'UserService',
      method: [
        { name: 'ListUsers', inputType: `${S}.ListUsersRequest`, outputType: `${S}.ListUsersResponse` },
        { name: 'GetUser', inputType: `${S}.GetUserRequest`, outputType: `${R}.User` },
        { name: 'BatchGetUsers', inputType: `${S}.BatchGetUsersRequest`, outputType: `${S}.BatchGetUsersResponse` },
      ],
    },
    { name: 'RoleService', method: [{ name: 'ListRoles', inputType: `${S}.ListRolesRequest`, outputType: `${S}.ListRolesResponse` }] },
    {
      name: 'ContainerRegistryService',
      method: [{ name: 'CreateBasicCredential', inputType: `${S}.CreateBasicCredentialRequest`, outputType: `${R}.BasicCredential` }],
    },
  ],
});

export const registry: FileRegistry = createFileRegistry(servicesFile, (name) =>
  name === resourcesFile.name ? resourcesFile : name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined,
);

export function service(name: string): DescService {
  const s = registry.getService(`${SERVICES_PACKAGE}.${name}`);
  if (!s) throw new Error(`no service ${name}`);
  return s;
}

export function messageType(fullName: string): DescMessage {
  const m = registry.getMessage(fullName);
  if (!m) throw new Error(`no message ${fullName}`);
  return m;
}

export const SERVICES = {
  organization: service('OrganizationService'),
  project: service('ProjectService'),
  user: service('UserService'),
  role: service('RoleService'),
  registry: service('ContainerRegistryService'),
};
