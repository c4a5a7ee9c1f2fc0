/**
 * The usual setup of an integration file: start the local stack in `beforeAll`, sign the demo
 * users in, and close it in `afterAll`. Call it at the top of the file, before the file's own
 * hooks, which then find the stack running and the tokens ready.
 */
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../local/stack';
import { apiClient, type RequestOptions } from './api-client';

export interface StackUnderTest<User extends string> {
  /** The running stack; usable from hooks and tests, which run after it started. */
  stack: LocalStack;
  /** `apiClient` of the running stack. */
  call: ReturnType<typeof apiClient>;
  /** Access tokens of the users asked for, by username. */
  tokens: Record<User, string> & Partial<Record<string, string>>;
}

export function useLocalStack<const User extends string = never>(options: LocalStackOptions & { users?: readonly User[] } = {}): StackUnderTest<User> {
  const { users = [], ...stackOptions } = options;
  let running: { stack: LocalStack; call: ReturnType<typeof apiClient> } | undefined;
  const tokens: Partial<Record<string, string>> = {};
  const started = () => {
    if (!running) throw new Error('The local stack is not running: use it from hooks and tests only');
    return running;
  };

  beforeAll(async () => {
    const stack = await startLocalStack(stackOptions);
    running = { stack, call: apiClient(stack.apiUrl) };
    for (const user of users) tokens[user] = await stack.tokenFor(user);
  });
  afterAll(async () => running?.stack.close());

  return {
    // Forwards to the stack started in beforeAll, so a file can hold it in a const at the top.
    stack: new Proxy({} as LocalStack, { get: (_target, key) => Reflect.get(started().stack, key) }),
    call: <T = Record<string, unknown>>(method: string, path: string, callOptions?: RequestOptions) => started().call<T>(method, path, callOptions),
    // Filled in beforeAll with exactly the users asked for.
    tokens: tokens as Record<User, string> & Partial<Record<string, string>>,
  };
}
