import { expose } from 'comlink';
import { PythonWorkerApi } from './worker-api';

expose(new PythonWorkerApi());
