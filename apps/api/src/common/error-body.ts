/** The one error shape of the API (DESIGN.md section 7). */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldProblem[];
  requestId?: string;
}
