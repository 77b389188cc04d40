/**
 * The Q&A queue: ask (optionally anonymously), upvote (ordered live by votes), and for facilitators
 * the authors of anonymous questions and an answer form; answered questions go to the notes (server).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { orderQuestions, type QuestionState } from '../../shared/facilitation/control.ts';
import { MAX_ANSWER_LENGTH, MAX_QUESTION_LENGTH } from '../../shared/api/facilitationSchemas.ts';
import { Button } from '../components/Button.tsx';
import type { FacilitationApi } from './facilitationApi.ts';

export interface QuestionsPanelProps {
  questions: QuestionState[];
  meId: string;
  canTakePart: boolean;
  facilitator: boolean;
  actions: FacilitationApi;
  onError: (e: unknown) => void;
}

/** The Q&A list with its forms. */
export function QuestionsPanel({ questions, meId, canTakePart, facilitator, actions, onError }: QuestionsPanelProps) {
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [authors, setAuthors] = useState<Record<string, { name: string }>>({});
  const { open, answered } = orderQuestions(questions);
  // Facilitators see who asked anonymous questions (never shared through the control doc).
  const anonCount = questions.filter((q) => q.authorId === null).length;
  useEffect(() => {
    if (!facilitator || anonCount === 0) return;
    actions.authors().then((r) => setAuthors(r.authors), () => {});
  }, [facilitator, anonCount, actions]);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    actions.ask(text.trim(), anonymous).then(() => setText(''), onError);
  };
  const who = (q: QuestionState) => q.authorName ?? (facilitator && authors[q.id] ? `${authors[q.id].name} (anonymous to members)` : 'Anonymous');

  return (
    <section className="fac-qa" aria-labelledby="fac-qa-title">
      <h2 id="fac-qa-title" className="fac-section-title">Questions</h2>
      {canTakePart && (
        <form className="fac-qa__ask" onSubmit={ask}>
          <label className="sr-only" htmlFor="fac-qa-text">Your question</label>
          <input id="fac-qa-text" value={text} maxLength={MAX_QUESTION_LENGTH} placeholder="Ask a question…" onChange={(e) => setText(e.target.value)} />
          <label className="fac-check">
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Anonymous
          </label>
          <Button size="sm" type="submit" variant="primary">Ask</Button>
        </form>
      )}
      {open.length === 0 && <p className="fac-empty">No open questions.</p>}
      <ol className="fac-qa__list" aria-label="Open questions, most upvoted first">
        {open.map((q) => (
          <QuestionRow key={q.id} q={q} who={who(q)} mine={q.upvoters.includes(meId)} canVote={canTakePart} facilitator={facilitator} actions={actions} onError={onError} />
        ))}
      </ol>
      {answered.length > 0 && (
        <>
          <h3 className="fac-subtitle">Answered</h3>
          <ul className="fac-qa__list fac-qa__list--answered">
            {answered.map((q) => (
              <li key={q.id} className="fac-qa__item">
                <p className="fac-qa__text">{q.text}</p>
                <p className="fac-qa__answer">{q.answer}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function QuestionRow({ q, who, mine, canVote, facilitator, actions, onError }: { q: QuestionState; who: string; mine: boolean; canVote: boolean; facilitator: boolean; actions: FacilitationApi; onError: (e: unknown) => void }) {
  const [answering, setAnswering] = useState(false);
  const [answer, setAnswer] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) return;
    actions.answer(q.id, answer.trim()).then(() => setAnswering(false), onError);
  };
  return (
    <li className="fac-qa__item" data-testid="question">
      <button
        type="button"
        className={`fac-upvote${mine ? ' fac-upvote--mine' : ''}`}
        aria-pressed={mine}
        disabled={!canVote}
        aria-label={`Upvote: ${q.upvoters.length} vote${q.upvoters.length === 1 ? '' : 's'}`}
        onClick={() => actions.upvote(q.id).catch(onError)}
      >
        ▲ <span data-testid="votes">{q.upvoters.length}</span>
      </button>
      <div className="fac-qa__body">
        <p className="fac-qa__text">{q.text}</p>
        <p className="fac-qa__who">{who}</p>
        {facilitator && !answering && <Button size="sm" variant="ghost" onClick={() => setAnswering(true)}>Answer</Button>}
        {answering && (
          <form className="fac-qa__answer-form" onSubmit={submit}>
            <label className="sr-only" htmlFor={`fac-answer-${q.id}`}>Answer</label>
            <textarea id={`fac-answer-${q.id}`} value={answer} maxLength={MAX_ANSWER_LENGTH} rows={2} onChange={(e) => setAnswer(e.target.value)} />
            <Button size="sm" type="submit" variant="primary">Mark answered (adds to notes)</Button>
            <Button size="sm" variant="ghost" onClick={() => setAnswering(false)}>Cancel</Button>
          </form>
        )}
      </div>
    </li>
  );
}
