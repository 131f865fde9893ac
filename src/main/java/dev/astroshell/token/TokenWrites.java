package dev.astroshell.token;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.stereotype.Component;

/**
 * The token writes as the workspace and organization commands call them: one use case per write, its result shown by
 * {@link WriteOutput}, whatever the token's family (its options say which).
 */
@Component
class TokenWrites {

	/**
	 * How a write command's outcome is shown: {@code --dry-run}, {@code -o}, {@code --json}, {@code --clean-output},
	 * and the command's writer.
	 */
	record Output(Boolean dryRun, String format, Boolean json, Boolean cleanOutput, CommandContext ctx) {
	}

	private final CreateToken create;

	private final UpdateToken update;

	private final RotateToken rotate;

	private final DeleteToken delete;

	private final AddGrant add;

	private final UpdateGrant updateGrant;

	private final RemoveGrant remove;

	private final WriteOutput output;

	TokenWrites(CreateToken create, UpdateToken update, RotateToken rotate, DeleteToken delete, AddGrant add,
			UpdateGrant updateGrant, RemoveGrant remove, WriteOutput output) {
		this.create = create;
		this.update = update;
		this.rotate = rotate;
		this.delete = delete;
		this.add = add;
		this.updateGrant = updateGrant;
		this.remove = remove;
		this.output = output;
	}

	String create(CreateToken.Options o, Output out) {
		return write(create, o, out);
	}

	String update(TokenUpdate o, Output out) {
		return write(update, o, out);
	}

	String rotate(RotateToken.Options o, Output out) {
		return write(rotate, o, out);
	}

	String delete(DeleteToken.Options o, Output out) {
		return write(delete, o, out);
	}

	String add(AddGrant.Options o, Output out) {
		return write(add, o, out);
	}

	String updateGrant(UpdateGrant.Options o, Output out) {
		return write(updateGrant, o, out);
	}

	String remove(RemoveGrant.Options o, Output out) {
		return write(remove, o, out);
	}

	private <O> String write(WriteUseCase<O> useCase, O options, Output out) {
		return output.write(useCase, options, out.dryRun(), out.format(), out.json(), out.cleanOutput(),
				out.ctx().outputWriter());
	}
}
