import { CfnOutput, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { type CfnEmailIdentity, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { displayName } from '#adapters/ses/mime.ts';
import type { MailSettings } from '#infra/stacks/stage-settings.ts';

/**
 * The SES domain identity's logical id, fixed: CloudFormation replaces a resource whose logical id changes, and
 * replacing this one would drop a verified domain (its DKIM keys, its reputation). Pinned by
 * test/infra/deploy-config.test.ts.
 */
export const MAIL_IDENTITY_LOGICAL_ID = 'MailDomainIdentity';

export interface MailIdentityProps {
  settings: MailSettings;
  /** Who runs the stage: Reply-To of Cognito's messages. */
  operatorEmail: string;
  /** RETAIN in prod: even a deleted stack leaves the verified domain in SES. */
  removalPolicy: RemovalPolicy;
}

/**
 * Who the app's e-mail comes from (docs/deploy.md, "E-mail"): the SES domain identity — created here when this
 * stage owns the domain (`mail.createIdentity`), else only referenced — its DKIM records as stack outputs, and
 * the sender that reminders and Cognito both use. Only the domain is a property of the identity: the display
 * name and the local part can change without touching it.
 */
export class MailIdentity extends Construct {
  readonly settings: MailSettings;
  /** `arn:…:ses:<region>:<account>:identity/<domain>`, what SendEmail and Cognito are authorized on. */
  readonly identityArn: string;
  /** Present only in the stage that owns the domain. */
  readonly emailIdentity?: EmailIdentity;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.settings = props.settings;
    const { domain } = props.settings;
    this.identityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain });

    if (props.settings.createIdentity) {
      this.emailIdentity = new EmailIdentity(this, 'Identity', {
        identity: Identity.domain(domain),
        mailFromDomain: props.settings.mailFromDomain,
      });
      const cfn = this.emailIdentity.node.defaultChild as CfnEmailIdentity;
      cfn.overrideLogicalId(MAIL_IDENTITY_LOGICAL_ID);
      cfn.applyRemovalPolicy(props.removalPolicy);

      // Easy DKIM: three CNAME records to publish in the domain's DNS (docs/deploy.md, "DNS records").
      const identity = this.emailIdentity;
      const dkim = [
        [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
        [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
        [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
      ] as const;
      dkim.forEach(([name, value], i) => {
        new CfnOutput(stack, `MailDkim${i + 1}Name`, {
          value: name,
          description: `DKIM record ${i + 1} of ${domain}: CNAME name`,
        });
        new CfnOutput(stack, `MailDkim${i + 1}Value`, {
          value,
          description: `DKIM record ${i + 1} of ${domain}: CNAME value`,
        });
      });
      if (props.settings.mailFromDomain) {
        new CfnOutput(stack, 'MailFromMx', {
          value: `${props.settings.mailFromDomain} MX 10 feedback-smtp.${stack.region}.amazonses.com`,
          description: 'Custom MAIL FROM domain: MX record',
        });
        new CfnOutput(stack, 'MailFromSpf', {
          value: `${props.settings.mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
          description: 'Custom MAIL FROM domain: SPF record',
        });
      }
    }
    new CfnOutput(stack, 'MailDomain', { value: domain, description: 'SES domain identity of the sender' });
    new CfnOutput(stack, 'MailDmarc', {
      value: `_dmarc.${domain} TXT "v=DMARC1; p=none; rua=mailto:${props.operatorEmail}"`,
      description: 'Suggested DMARC record (start with p=none, tighten once reports are clean)',
    });
  }

  /** `Name <address>` as written in cdk.json: the reminders' MAIL_FROM, encoded by the mailer when it sends. */
  get mailFrom(): string {
    return `${this.settings.fromName} <${this.settings.fromAddress}>`;
  }

  /**
   * How Cognito sends invitations and password resets. Through this identity once SES reports it verified
   * (Cognito checks the identity when the user pool is created or updated and refuses an unverified one), with
   * the display name RFC 2047-encoded like the reminders'; until then Cognito's own sender and daily quota.
   */
  cognitoEmail(replyTo: string): UserPoolEmail {
    if (!this.settings.identityVerified) return UserPoolEmail.withCognito(replyTo);
    return UserPoolEmail.withSES({
      fromEmail: this.settings.fromAddress,
      fromName: displayName(this.settings.fromName),
      replyTo,
      sesVerifiedDomain: this.settings.domain,
      sesRegion: Stack.of(this).region,
    });
  }
}
