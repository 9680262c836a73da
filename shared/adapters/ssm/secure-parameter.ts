import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';

/** Reads one SecureString parameter, decrypted; '' when it has no value. */
export async function readSecureParameter(region: string, name: string): Promise<string> {
  const res = await new SSMClient({ region }).send(
    new GetParameterCommand({ Name: name, WithDecryption: true }),
  );
  return res.Parameter?.Value ?? '';
}
