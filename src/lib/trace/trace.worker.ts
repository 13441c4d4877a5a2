import { expose } from 'comlink';
import { installErrorTransfer } from '../bridge/transfer';
import { TraceWorkerApi } from './worker-api';

installErrorTransfer();
expose(new TraceWorkerApi());
