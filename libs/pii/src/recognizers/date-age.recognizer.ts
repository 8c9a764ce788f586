import { PatternRecognizer } from '../analyzer/pattern.recognizer.js';
import { Entities } from '../entities.js';

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * Dates score 0.3, under the default threshold: only a personal context (born,
 * birthday, DOB, died, age...) lifts one over it. A team that wants every date
 * redacted lowers the DATE_TIME threshold.
 */
export const dateRecognizer = () =>
  new PatternRecognizer({
    name: 'date',
    entity: Entities.dateTime,
    patterns: [
      { name: 'iso', regex: /(?<![\d.-])(?:19|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])(?:[ T]\d\d:\d\d(?::\d\d)?)?(?![\d-])/g, score: 0.3 },
      { name: 'numeric', regex: /(?<![\d.\/-])(?:0?[1-9]|[12]\d|3[01])([\/.-])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d\d(?![\d\/-]|\.\d)/g, score: 0.3 },
      {
        name: 'words',
        regex: new RegExp(`\\b(?:(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(?:19|20)\\d\\d|${MONTH}\\.?\\s+(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d)\\b`, 'gi'),
        score: 0.3,
      },
    ],
    context: ['born', 'birth', 'birthday', 'birthdate', 'date of birth', 'dob', 'd.o.b', 'died', 'deceased', 'age', 'aged', 'married', 'anniversary', 'admitted', 'discharged'],
  });

/** Ages said as ages: "65-year-old", "aged 34", "turned 40", "I am 21 years". */
export const ageRecognizer = () =>
  new PatternRecognizer({
    name: 'age',
    entity: Entities.age,
    group: 1,
    patterns: [
      { name: 'years-old', regex: /\b(\d{1,3})(?:\s*|-)(?:years?|yrs?|yo)(?:\s*|-)old\b/gi, score: 0.7 },
      { name: 'aged', regex: /\b(?:aged?|turn(?:ed|ing|s)?|age of|am|i'm|is|was)\s+(\d{1,3})(?=\s*(?:years?|yrs?)\b|\s*[.,;!?]|\s+(?:today|now|next|this|last)\b|$)/gim, score: 0.55 },
      { name: 'age-colon', regex: /\bage\s*[:=]\s*(\d{1,3})\b/gi, score: 0.7 },
    ],
    context: ['age', 'old', 'birthday', 'born', 'turn', 'turned', 'patient'],
    validate: (v) => Number(v) > 0 && Number(v) < 130,
  });
