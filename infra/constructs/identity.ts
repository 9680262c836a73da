import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolEmail,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIMS, ROLES } from '#domain/actor.ts';
import { acknowledge } from './nag.ts';

export interface IdentityProps {
  webOrigins: string[];
  /** How invitations and password resets are sent (MailIdentity.cognitoEmail: SES once the domain is verified). */
  email: UserPoolEmail;
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
}

/** `custom:entity_id` → `entity_id`: the attribute names come from the claims the handlers read. */
const customName = (claim: string) => claim.replace(/^custom:/, '');

/**
 * Who may sign in: a Cognito user pool that only administrators fill (no self sign-up), one group per role
 * (the `cognito:groups` claim), the entity/unit scope as custom attributes, and the web app's public client.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      email: props.email,
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        [customName(CLAIMS.entity)]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        [customName(CLAIMS.unit)]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        // `province:<name>` or `entities:<id>,…` for admins and reviewers (shared/domain/user.ts scopeClaim).
        [customName(CLAIMS.scope)]: new StringAttribute({ minLen: 1, maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Required for admins by the API, optional for the rest (docs/access.md, "MFA"): a pool setting is for all.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      userInvitation: {
        emailSubject: 'Minh Chứng: tài khoản của bạn / your account',
        emailBody:
          'Tài khoản Minh Chứng của bạn: {username}, mật khẩu tạm thời: {####}. ' +
          'Your Minh Chứng account: {username}, temporary password: {####}',
      },
      deletionProtection: props.deletionProtection,
      removalPolicy: props.removalPolicy,
    });
    acknowledge(
      this.userPool,
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL at the pool (TOTP only, no SMS) because Cognito cannot require it for one group: it is required for admins by the API (an admin acts only after POST /v1/me/mfa has confirmed TOTP with AdminGetUser since their sign-in, else 403 MFA_REQUIRED) and optional for every other role; anyone enrols an authenticator app on the web app Security page, and Cognito then asks every sign-in of an enrolled user for a code (docs/access.md, MFA).',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials feature plan by cost decision: the Plus plan (threat protection) is billed per active user; revisit when the pilot grows beyond a few provinces.',
      },
    );

    // Precedence follows the role order in shared/domain/actor.ts (admin strongest).
    ROLES.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        precedence,
        description: `Minh Chứng role: ${role}`,
      });
    });

    const callbacks = props.webOrigins.map((o) => `${o}/`);
    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      // USER_PASSWORD_AUTH is what the web app speaks to Cognito and to the local issuer alike (over TLS in
      // AWS); SRP stays available.
      authFlows: { userSrp: true, userPassword: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: callbacks,
        logoutUrls: callbacks,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(customName(CLAIMS.entity), customName(CLAIMS.unit), customName(CLAIMS.scope)),
      // Users must never write their own scope (entity/unit): only administrators set those.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }

  /** The JWT issuer of this pool, as the HTTP API's authorizer expects it. */
  issuerUrl(region: string): string {
    return `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
