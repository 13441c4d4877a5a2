import { expose } from 'comlink';
import { installErrorTransfer } from '../bridge/transfer';
import { PythonWorkerApi } from './worker-api';

installErrorTransfer();
expose(new PythonWorkerApi());
