'use strict';
/**
 * Preloaded (`node --require`) into each Azurite child by azurite-server.ts. The parent holds the
 * write end of this process's stdin pipe; when the parent dies in any way (even SIGKILL, which it
 * cannot intercept) the pipe reaches end-of-file and we stop, so no emulator is left orphaned.
 * SIGTERM makes Azurite close gracefully, which flushes its metadata to --location.
 */
let stopping = false;

function stopSelf() {
  if (stopping) return;
  stopping = true;
  process.kill(process.pid, 'SIGTERM');
  // Azurite closes in milliseconds; never linger if it does not.
  setTimeout(() => process.exit(0), 10000).unref();
}

process.stdin.on('end', stopSelf);
process.stdin.on('close', stopSelf);
process.stdin.on('error', stopSelf);
process.stdin.resume();
// Only the emulator's servers should keep the process alive, not this pipe.
if (typeof process.stdin.unref === 'function') process.stdin.unref();
