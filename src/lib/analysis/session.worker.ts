import { Library } from '../library/library';
import { SessionHandler, type SessionRequest } from './session-api';

// One file per worker: the page closes it when another file is opened.
const library = new Library();
const handler = new SessionHandler({
  post: (message) => self.postMessage(message),
  keep: (record) => library.save(record),
});
self.onmessage = (event: MessageEvent<SessionRequest>) => void handler.handle(event.data);
