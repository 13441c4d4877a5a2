import { handleAnalysis, type AnalysisMessage, type AnalysisRequest } from './worker-api';

// One job per worker: the page terminates it to cancel, and starts a new one for the next file.
self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  void handleAnalysis(event.data, (message: AnalysisMessage) => self.postMessage(message));
};
