/** `npm run verify-version -- file.json`: says OK, or which hash it found instead. */
import { verifyVersionFile } from './verify-version';

const { exitCode, message } = verifyVersionFile(process.argv[2]);
(exitCode === 0 ? console.log : console.error)(message);
process.exitCode = exitCode;
