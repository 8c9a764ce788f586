import { EVENTS_STREAM } from '@helix/contracts';

/** Maps plain subjects and stream names to their wire form under an optional namespace. */
export class Namespace {
  private readonly prefix: string;

  constructor(readonly name?: string) {
    if (name !== undefined && !/^[A-Za-z0-9_-]+$/.test(name)) {
      throw new Error(`bus namespace "${name}" must be letters, digits, "_" or "-"`);
    }
    this.prefix = name ? `${name}.` : '';
  }

  wire(subject: string): string {
    return this.prefix + subject;
  }

  plain(wireSubject: string): string {
    return this.prefix ? wireSubject.slice(this.prefix.length) : wireSubject;
  }

  stream(name: string = EVENTS_STREAM): string {
    return this.name ? `${name}_${this.name}` : name;
  }
}
