import { expose } from 'comlink';
import { installErrorTransfer } from '../bridge/transfer';
import { WebLlmWorkerApi } from './webllm-worker-api';

installErrorTransfer();
expose(new WebLlmWorkerApi());
