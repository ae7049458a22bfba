# bash completion for mentor                                  -*- shell-script -*-
#
# A thin wrapper: `mentor __complete WORD...` knows the commands, options,
# their values and the people and pairings in the records directory; this
# only hands it the words and turns its answer into COMPREPLY.
# Install as ${datadir}/bash-completion/completions/mentor, or source it
# from ~/.bashrc.

# The words up to the cursor, with what COMP_WORDBREAKS split off ('=' in
# --format=json, ID=STATUS) joined back, as mentor expects them.
_mentor_words() {
    local line=${COMP_LINE:0:COMP_POINT} word i glued
    _mentor_argv=()
    for ((i = 0; i <= COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        glued=0
        if [[ -n ${COMP_LINE+set} ]]; then
            local rest=${line#"${line%%[![:space:]]*}"}
            [[ ${#rest} -eq ${#line} ]] && glued=1
            line=$rest
            if ((i == COMP_CWORD)); then
                word=$line # only what is left of the cursor
            fi
            line=${line:${#word}}
        else
            glued=1
        fi
        if ((i > 1 && glued)) && [[ $word == "=" || ${_mentor_argv[-1]} == *= ]]; then
            _mentor_argv[-1]+=$word
        else
            _mentor_argv+=("$word")
        fi
    done
}

_mentor() {
    local _mentor_argv cmd cur line out
    _mentor_words
    cmd=${_mentor_argv[0]}
    [[ $cmd == "~/"* ]] && cmd=$HOME/${cmd#"~/"}
    cur=${_mentor_argv[-1]}
    out=$(command "$cmd" __complete "${_mentor_argv[@]:1}" 2>/dev/null) || return 0
    # Bash replaces only what follows the last '=' of the word when '=' is a
    # word break: hand it back just that part.
    local strip=""
    if [[ $COMP_WORDBREAKS == *=* && $cur == *=* ]]; then
        strip=${cur%"${cur##*=}"}
    fi
    COMPREPLY=()
    while IFS= read -r line; do
        case $line in
        "") ;;
        :files | :dirs)
            compopt -o filenames 2>/dev/null || :
            local path_cur=${cur#"$strip"} flag=-f
            [[ $line == :dirs ]] && flag=-d
            [[ $path_cur == "~/"* ]] && path_cur=$HOME/${path_cur#"~/"}
            local path
            while IFS= read -r path; do
                COMPREPLY+=("$path")
            done < <(compgen "$flag" -- "$path_cur")
            ;;
        *)
            line=${line%%$'\t'*}
            COMPREPLY+=("${line#"$strip"}")
            ;;
        esac
    done <<<"$out"
    return 0
}

complete -F _mentor mentor
