import type { FiguresRequest } from './figures';
import { handleRequest, type AnalysisMessage, type AnalysisRequest } from './worker-api';

// One job per worker: the page terminates it to cancel, and starts a new one for the next job.
self.onmessage = (event: MessageEvent<AnalysisRequest | FiguresRequest>) => {
  void handleRequest(event.data, (message: AnalysisMessage) => self.postMessage(message));
};
