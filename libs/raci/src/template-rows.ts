import { type CategoryKey, type Letters, type Responsibility, type ToolAccess } from './matrix';

export type TemplateKey = 'fully_managed' | 'co_managed';

/** A row of the built-in catalogue with its default letters in each template that contains it. */
export interface TemplateRow extends Omit<Responsibility, 'letters'> {
  letters: Partial<Record<TemplateKey, Letters>>;
}

interface Flags {
  critical?: boolean;
  afterHours?: boolean;
  toolAccess?: ToolAccess;
}

function row(
  key: string,
  category: CategoryKey,
  title: string,
  description: string,
  letters: TemplateRow['letters'],
  flags: Flags = {},
): TemplateRow {
  return {
    key,
    category,
    title,
    description,
    critical: flags.critical === true,
    letters,
    ...(flags.toolAccess ? { toolAccess: flags.toolAccess } : {}),
    ...(flags.afterHours ? { afterHours: true } : {}),
  };
}

// A party holds one letter per row, so the A and the R of a row sit on two different parties. With
// only the MSP and the Business in a fully managed matrix, the Business is therefore accountable
// wherever the MSP does the work: it owns the outcome and holds the MSP to the agreement.
const FM: Letters = { msp: 'R', business: 'A' };
// Co-managed: internal IT oversees the work the MSP does, and the Business holds its own IT staff
// to account for theirs; the MSP is consulted so hand-offs stay smooth.
const MSP_DOES: Letters = { msp: 'R', internal_it: 'A' };
const IT_DOES: Letters = { internal_it: 'R', business: 'A', msp: 'C' };

/** Co-managed letters first: the fully managed ones are nearly always FM, so they are the default. */
const both = (co: Letters, fully: Letters = FM): TemplateRow['letters'] => ({ fully_managed: fully, co_managed: co });
const CRITICAL: Flags = { critical: true };
const CRITICAL_AFTER_HOURS: Flags = { critical: true, afterHours: true };

/** The catalogue both templates draw from, in display order (grouped by category). */
export const TEMPLATE_ROWS: readonly TemplateRow[] = [
  // help_desk
  row(
    'helpdesk_tier1',
    'help_desk',
    'Help desk tier 1',
    'Answer staff calls and tickets first and fix everyday problems such as e-mail, printing and password questions.',
    both({ internal_it: 'R', business: 'A', msp: 'I' }),
  ),
  row(
    'helpdesk_tier2',
    'help_desk',
    'Help desk tier 2',
    'Take over problems the first line cannot solve, such as broken devices, access errors and application faults.',
    both(MSP_DOES),
  ),
  row(
    'helpdesk_tier3',
    'help_desk',
    'Help desk tier 3 (expert escalation)',
    'Solve the hardest problems, such as server, network and cloud faults, and work them through with vendors.',
    both(MSP_DOES),
  ),
  row(
    'ticket_escalation',
    'help_desk',
    'Escalation from internal IT to the MSP',
    'Hand tickets internal IT cannot solve to the MSP with the details needed to carry on without starting over.',
    { co_managed: { internal_it: 'R', msp: 'A' } },
  ),
  row(
    'it_point_of_contact',
    'help_desk',
    'Business contact for IT decisions',
    'Keep one named person at the business who approves IT requests and decisions, and route them to that person.',
    { fully_managed: FM },
  ),
  // onboarding
  row(
    'user_onboarding',
    'onboarding',
    'User onboarding',
    'Create accounts, licences and access for new staff so they can work from their first day.',
    both(IT_DOES),
  ),
  row(
    'user_offboarding',
    'onboarding',
    'User offboarding',
    'Close accounts, collect devices and remove all access on the day someone leaves.',
    both(IT_DOES),
  ),
  // identity_access
  row(
    'password_resets',
    'identity_access',
    'Password resets and lockouts',
    'Unlock accounts and reset passwords when staff are locked out.',
    both({ internal_it: 'R', business: 'A', msp: 'I' }),
  ),
  row(
    'mfa_management',
    'identity_access',
    'Multi-factor sign-in (MFA)',
    'Require a second check, such as a phone prompt, whenever staff sign in, and help them enrol.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'admin_accounts',
    'identity_access',
    'Administrator accounts',
    'Keep the list of people with administrator rights short, reviewed and protected.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'access_reviews',
    'identity_access',
    'Access reviews',
    'Check every few months that each person has only the access their job needs.',
    both(IT_DOES),
  ),
  // endpoint_security
  row(
    'edr_deployment',
    'endpoint_security',
    'EDR deployment',
    'Install and keep running the protective software (EDR) that detects and stops attacks on every computer and server.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'edr_monitoring',
    'endpoint_security',
    'EDR alert monitoring',
    'Watch the alerts the protective software raises and act on them straight away.',
    both(MSP_DOES),
    CRITICAL_AFTER_HOURS,
  ),
  // security_monitoring
  row(
    'siem_monitoring',
    'security_monitoring',
    'SIEM log monitoring',
    'Collect security logs in one place (SIEM) and watch them for signs of an attack.',
    both(MSP_DOES),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'alert_triage',
    'security_monitoring',
    'Security alert triage',
    'Decide quickly whether a security alert is real, how serious it is and who must act.',
    both(MSP_DOES),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'vulnerability_scanning',
    'security_monitoring',
    'Vulnerability scanning',
    'Scan systems regularly for known weaknesses and report what needs fixing first.',
    both(MSP_DOES),
    CRITICAL,
  ),
  // patching
  row(
    'os_patching',
    'patching',
    'Operating system patching',
    'Install Windows, macOS and server updates on a regular schedule.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'third_party_patching',
    'patching',
    'Third-party application patching',
    'Update browsers, PDF readers and the other everyday software attackers target.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'maintenance_windows',
    'patching',
    'Maintenance windows and patch exceptions',
    'Agree when updates may restart machines and which systems must wait, and accept the risk of waiting.',
    both(IT_DOES),
  ),
  // threat_response
  row(
    'incident_response',
    'threat_response',
    'Security incident handling',
    'Contain, investigate and clean up an attack, such as ransomware or a taken-over mailbox.',
    both({ msp: 'R', internal_it: 'A', business: 'I' }),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'device_isolation',
    'threat_response',
    'Isolating infected devices',
    'Cut an infected computer off the network at once so the attack cannot spread.',
    both(MSP_DOES),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'breach_communication',
    'threat_response',
    'Breach communication',
    'Decide what to tell customers, insurers and authorities after a breach, and tell them within the legal deadlines.',
    both(IT_DOES),
  ),
  // backups
  row(
    'backup_management',
    'backups',
    'Backups',
    'Back up servers, computers and cloud data such as e-mail and files every day, and check that every job succeeds.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'restore_tests',
    'backups',
    'Restore tests',
    'Prove regularly that backups can actually be restored, before a real emergency puts them to the test.',
    both({ msp: 'R', internal_it: 'A', business: 'I' }),
    CRITICAL,
  ),
  row(
    'file_restores',
    'backups',
    'Restoring lost files',
    'Bring back a file or mailbox that someone deleted or overwrote by mistake.',
    both(IT_DOES),
  ),
  row(
    'disaster_recovery',
    'backups',
    'Disaster recovery plan',
    'Keep a written, tested plan for getting the business running again after a fire, flood or cyber attack.',
    both({ msp: 'R', business: 'A', internal_it: 'C' }),
    CRITICAL,
  ),
  // networking
  row(
    'firewall_management',
    'networking',
    'Firewall management',
    'Configure, update and watch the firewall that guards the office network from the internet.',
    both(MSP_DOES),
    CRITICAL,
  ),
  row(
    'network_management',
    'networking',
    'Network switches and cabling',
    'Keep the office network, its switches and cabling working and labelled.',
    both(MSP_DOES),
  ),
  row(
    'wifi',
    'networking',
    'Wi-Fi',
    'Provide reliable wireless in the office, with a separate network for guests.',
    both(IT_DOES),
  ),
  row(
    'remote_access',
    'networking',
    'Remote access (VPN)',
    'Let staff reach company systems safely from home or on the road.',
    both(MSP_DOES),
  ),
  // cloud
  row(
    'm365_administration',
    'cloud',
    'Microsoft 365 administration',
    'Manage the Microsoft 365 tenant: mailboxes, Teams, SharePoint, licences and security settings.',
    both(MSP_DOES),
  ),
  row(
    'azure_administration',
    'cloud',
    'Azure and cloud servers',
    'Run the servers and services the company keeps in Azure or another cloud, and keep an eye on their cost.',
    both(MSP_DOES),
  ),
  row(
    'email_filtering',
    'cloud',
    'E-mail filtering',
    "Stop spam, phishing and dangerous attachments before they reach anyone's inbox.",
    both(MSP_DOES),
    CRITICAL,
  ),
  // devices
  row(
    'device_setup',
    'devices',
    'New computer setup',
    'Prepare new laptops and desktops with the right software and security settings.',
    both(IT_DOES),
  ),
  row(
    'asset_inventory',
    'devices',
    'Asset inventory',
    'Keep an up-to-date list of every computer, phone and licence the company owns.',
    both(IT_DOES),
  ),
  row(
    'printer_support',
    'devices',
    'Printers and peripherals',
    'Set up and fix printers, scanners, monitors and docking stations.',
    both({ internal_it: 'R', business: 'A' }),
  ),
  row(
    'mobile_devices',
    'devices',
    'Company phones and tablets',
    'Enrol mobile devices so company data on them is protected and can be wiped if a device is lost.',
    both(MSP_DOES),
  ),
  // business_applications
  row(
    'lob_app_support',
    'business_applications',
    'Line-of-business application support',
    'Help staff with the specialised software the business runs on and install its updates.',
    both(IT_DOES),
  ),
  // vendor_management
  row(
    'isp_management',
    'vendor_management',
    'Internet provider (ISP)',
    'Deal with the internet provider about outages, speeds and contracts.',
    both(IT_DOES),
  ),
  row(
    'lob_vendors',
    'vendor_management',
    'Line-of-business software vendors',
    'Work with the makers of the business software on problems, upgrades and renewals.',
    both(IT_DOES),
  ),
  row(
    'telecom_provider',
    'vendor_management',
    'Phones and telecom provider',
    'Look after the phone system and deal with the telecom provider.',
    both(IT_DOES),
  ),
  // procurement
  row(
    'hardware_purchasing',
    'procurement',
    'Hardware purchasing',
    'Choose, quote and order computers, servers and network equipment.',
    both(IT_DOES),
  ),
  row(
    'software_licensing',
    'procurement',
    'Software licensing',
    'Buy licences, keep count of them and renew them before they lapse.',
    both(IT_DOES),
  ),
  // strategy_budget
  row(
    'it_roadmap',
    'strategy_budget',
    'IT strategy and roadmap',
    'Plan which technology the business will need over the next one to three years.',
    both(IT_DOES),
  ),
  row(
    'it_budget',
    'strategy_budget',
    'IT budget',
    'Propose, approve and track what the business spends on IT each year.',
    both(IT_DOES),
  ),
  row(
    'business_reviews',
    'strategy_budget',
    'Quarterly business reviews',
    'Meet every quarter to review the service, open risks and upcoming needs.',
    both({ msp: 'R', business: 'A', internal_it: 'C' }),
  ),
  // compliance
  row(
    'compliance_evidence',
    'compliance',
    'Compliance evidence (HIPAA, CMMC)',
    'Collect the reports and records auditors ask for to show that rules such as HIPAA or CMMC are met.',
    both({ msp: 'R', business: 'A', internal_it: 'C' }),
  ),
  row(
    'compliance_signoff',
    'compliance',
    'Compliance sign-off and risk acceptance',
    'Prepare the compliance statements and risk decisions, and have the owner approve and sign them.',
    both(IT_DOES),
  ),
  row(
    'cyber_insurance',
    'compliance',
    'Cyber insurance questionnaire',
    "Answer the insurer's security questions truthfully and keep the promised safeguards in place.",
    both(IT_DOES),
  ),
  // security_awareness
  row(
    'awareness_training',
    'security_awareness',
    'Security awareness training',
    'Teach staff to spot phishing and handle data safely, at least once a year.',
    both({ msp: 'R', business: 'A', internal_it: 'C' }),
  ),
  row(
    'phishing_simulations',
    'security_awareness',
    'Phishing simulations',
    'Send harmless test phishing e-mails and coach the people who click.',
    both({ msp: 'R', internal_it: 'A', business: 'I' }),
  ),
  row(
    'suspicious_email_reports',
    'security_awareness',
    'Reporting suspicious e-mails',
    'Staff report suspicious e-mails and unusual computer behaviour straight away, and someone acts on every report.',
    both({ business: 'R', internal_it: 'A', msp: 'I' }, { business: 'R', msp: 'A' }),
  ),
  // after_hours
  row(
    'after_hours_monitoring',
    'after_hours',
    'After-hours monitoring',
    'Watch servers, network and security alerts at night, at weekends and on holidays.',
    both(MSP_DOES),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'on_call_escalation',
    'after_hours',
    'On-call escalation',
    'Keep someone reachable by phone outside business hours who can decide and act in an emergency.',
    both({ msp: 'R', internal_it: 'A', business: 'I' }),
    CRITICAL_AFTER_HOURS,
  ),
  row(
    'after_hours_support',
    'after_hours',
    'Urgent user support after hours',
    'Help staff who cannot work outside business hours, for urgent problems only.',
    both(MSP_DOES),
    { afterHours: true },
  ),
  // tool_access
  row(
    'rmm_access',
    'tool_access',
    'Access to the RMM',
    'Decide who may use the remote monitoring and management tool (RMM) that can see and change every computer.',
    both(MSP_DOES),
    { toolAccess: 'rmm' },
  ),
  row(
    'documentation_access',
    'tool_access',
    'Access to the documentation platform',
    "Decide who may read and update the passwords, diagrams and procedures that describe the company's IT.",
    both({ internal_it: 'R', msp: 'A', business: 'I' }),
    { toolAccess: 'documentation' },
  ),
  row(
    'security_dashboard_access',
    'tool_access',
    'Access to the security dashboards',
    'Decide who may see the EDR and SIEM dashboards that show threats and alerts.',
    both(MSP_DOES),
    { toolAccess: 'security_dashboards' },
  ),
  // documentation
  row(
    'network_documentation',
    'documentation',
    'Network and system documentation',
    'Keep diagrams, settings and system notes current so that anyone can pick up the work.',
    both(MSP_DOES),
  ),
  row(
    'password_vault',
    'documentation',
    'Shared password vault',
    'Keep admin and shared passwords in a protected vault instead of spreadsheets or sticky notes.',
    both(MSP_DOES),
  ),
  row(
    'procedures',
    'documentation',
    'Procedures and runbooks',
    "Write down how routine tasks are done so they do not depend on one person's memory.",
    both(IT_DOES),
  ),
];
