import { expose } from 'comlink';
import { TraceWorkerApi } from './worker-api';

expose(new TraceWorkerApi());
