import { expose } from 'comlink';
import { WebLlmWorkerApi } from './webllm-worker-api';

expose(new WebLlmWorkerApi());
